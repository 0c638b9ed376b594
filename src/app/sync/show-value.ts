export { showValue } from '../../engine/normalize-value.js'
