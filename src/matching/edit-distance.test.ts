import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { editDistance } from './edit-distance.js'

describe('editDistance', () => {
  const cases: [string, string, number, number][] = [
    ['microsoft', 'microsoft', 1, 0],
    ['microsoft', 'mircosoft', 1, 1],
    ['microsoft', 'microsft', 1, 1],
    ['microsoft', 'microssoft', 1, 1],
    ['microsoft', 'macrosoft', 1, 1],
    ['microsoft', 'macrosoff', 1, 2],
    ['acme', 'globex', 2, 3],
    ['', 'ab', 2, 2],
  ]
  for (const [a, b, max, expected] of cases) {
    it(`${a} ~ ${b} (max ${max}) = ${expected}`, () => assert.equal(editDistance(a, b, max), expected))
  }
})
