import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'

/** A secret as stored: AES-256-GCM output, each part base64. */
export interface SealedSecret {
  readonly ciphertext: string
  readonly iv: string
  readonly tag: string
}

/** Encrypts and decrypts named secrets with one master key. */
export interface SecretBox {
  seal(name: string, plaintext: string): Promise<SealedSecret>
  /** Throws a clear error when the key is not the one the secret was sealed with. */
  open(name: string, sealed: SealedSecret): Promise<string>
}

/*
 * scrypt rather than HKDF because the master key may be a passphrase a person chose; the
 * salt is fixed (the table has no column for one), so a long random key is still advised.
 */
const SALT = 'revsync/store-secrets/v1'
// GCM's standard nonce size; a fresh random one per seal.
const IV_BYTES = 12

/**
 * A secret box over `masterKey`. The AES key is derived once, on first use, off the main
 * thread. Each secret's name is authenticated with it, so a ciphertext copied onto another
 * name fails to open instead of handing out the wrong credential.
 */
export function createSecretBox(masterKey: string): SecretBox {
  let derived: Promise<Buffer> | undefined
  const key = (): Promise<Buffer> => (derived ??= deriveKey(masterKey))
  const aad = (name: string): Buffer => Buffer.from(`revsync secret ${name}`, 'utf8')

  return {
    async seal(name, plaintext) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', await key(), iv).setAAD(aad(name))
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return { ciphertext: ciphertext.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') }
    },
    async open(name, sealed) {
      const decipher = createDecipheriv('aes-256-gcm', await key(), Buffer.from(sealed.iv, 'base64'))
      decipher.setAAD(aad(name)).setAuthTag(Buffer.from(sealed.tag, 'base64'))
      try {
        return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8')
      } catch (error) {
        throw new Error(
          `store: cannot decrypt secret "${name}": REVSYNC_SECRET_KEY is not the key it was stored with ` +
            '(or the stored value was altered); start with the original key, or store the secret again',
          { cause: error },
        )
      }
    },
  }
}

function deriveKey(masterKey: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(masterKey, SALT, 32, (error, key) => (error ? reject(error) : resolve(key)))
  })
}
