import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { verifySugarHook } from './verify-sugar-hook.js'

const secret = 'hook-secret-9a8b'
const body = '{"data":{"id":"c-1","_module":"Contacts"}}'

describe('verifySugarHook', () => {
  it('accepts the shared secret in the X-Revsync-Hook-Secret header or the URL', () => {
    assert.equal(verifySugarHook({ method: 'POST', url: 'https://s.example/hooks/sugar', body, headers: { 'x-revsync-hook-secret': secret } }, secret).ok, true)
    assert.equal(verifySugarHook({ method: 'POST', url: `https://s.example/hooks/sugar?secret=${secret}`, body, headers: {} }, secret).ok, true)
  })

  it('refuses a wrong or missing secret with 401, without naming the secret', () => {
    for (const request of [
      { method: 'POST', url: 'https://s.example/hooks/sugar', body, headers: { 'x-revsync-hook-secret': 'guess' } },
      { method: 'POST', url: 'https://s.example/hooks/sugar?secret=guess', body, headers: {} },
      { method: 'POST', url: 'https://s.example/hooks/sugar', body, headers: {} },
      // A header beats the URL: a right secret in the URL does not rescue a wrong header.
      { method: 'POST', url: `https://s.example/hooks/sugar?secret=${secret}`, body, headers: { 'x-revsync-hook-secret': 'guess' } },
    ]) {
      const verdict = verifySugarHook(request, secret)
      assert.equal(verdict.ok, false, request.url)
      assert.ok(!verdict.ok && verdict.status === 401 && !verdict.reason.includes(secret))
    }
  })
})
