import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { verifyHubSpotSignature } from './verify-hubspot-signature.js'

const secret = 'app-secret-0c9d1e'
const now = new Date('2026-03-01T12:00:00Z')
const body = '[{"objectId":7,"subscriptionType":"contact.propertyChange"}]'

/** A request signed the way HubSpot's docs describe, computed here independently. */
function signed(options: { url?: string; signedUrl?: string; at?: number; key?: string; sentBody?: string } = {}) {
  const url = options.url ?? 'https://sync.example.com/hooks/hubspot'
  const at = String(options.at ?? now.getTime() - 1_000)
  const signature = createHmac('sha256', options.key ?? secret).update(`POST${options.signedUrl ?? url}${body}${at}`).digest('base64')
  return { method: 'POST', url, body: options.sentBody ?? body, headers: { 'X-HubSpot-Signature-v3': signature, 'x-hubspot-request-timestamp': at } }
}

describe('verifyHubSpotSignature', () => {
  it('accepts a request signed with the app secret, whatever the header case', () => {
    assert.deepEqual(verifyHubSpotSignature(signed(), secret, now), { ok: true })
  })

  it('refuses a request signed with another secret, or whose body changed', () => {
    const wrongKey = verifyHubSpotSignature(signed({ key: 'another-secret' }), secret, now)
    assert.equal(wrongKey.ok, false)
    assert.equal(!wrongKey.ok && wrongKey.status, 401)
    assert.equal(verifyHubSpotSignature(signed({ sentBody: body.replace('7', '8') }), secret, now).ok, false)
  })

  it('refuses a timestamp more than five minutes old or ahead, even when the signature is right', () => {
    const old = verifyHubSpotSignature(signed({ at: now.getTime() - 5 * 60_000 - 1 }), secret, now)
    assert.equal(old.ok, false)
    assert.match(!old.ok ? old.reason : '', /stale request/)
    assert.equal(verifyHubSpotSignature(signed({ at: now.getTime() + 5 * 60_000 + 1 }), secret, now).ok, false)
    assert.equal(verifyHubSpotSignature(signed({ at: now.getTime() - 4 * 60_000 }), secret, now).ok, true)
  })

  it('refuses a request without the v3 headers or with a timestamp that is not a number', () => {
    assert.equal(verifyHubSpotSignature({ method: 'POST', url: 'https://x.example/h', body, headers: {} }, secret, now).ok, false)
    const request = signed()
    assert.equal(verifyHubSpotSignature({ ...request, headers: { ...request.headers, 'x-hubspot-request-timestamp': 'yesterday' } }, secret, now).ok, false)
  })

  it('signs the URI with the characters HubSpot decodes decoded, and keeps other escapes', () => {
    const url = 'https://sync.example.com/hooks/hubspot?from=a%3Ab%2Fc&name=a%20b'
    assert.equal(verifyHubSpotSignature(signed({ url, signedUrl: 'https://sync.example.com/hooks/hubspot?from=a:b/c&name=a%20b' }), secret, now).ok, true)
    assert.equal(verifyHubSpotSignature(signed({ url, signedUrl: url }), secret, now).ok, false)
  })

  it('never puts the secret in a refusal', () => {
    for (const request of [signed({ key: 'x' }), signed({ at: 0 }), { ...signed(), headers: {} }]) {
      const verdict = verifyHubSpotSignature(request, secret, now)
      assert.equal(verdict.ok, false)
      assert.ok(!verdict.ok && !verdict.reason.includes(secret))
    }
  })
})
