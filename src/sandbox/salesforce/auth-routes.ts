import { createHmac, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SimRequest, SimResponse } from '../kit/http-server.js'
import type { SalesforceState } from './state.js'

const oauthError = (error: string, description: string): SimResponse => ({ status: 400, body: { error, error_description: description } })

/** Starts a session for a user: a new access token the data API accepts. */
function openSession(state: SalesforceState, userId: string): string {
  const token = `${state.orgId.slice(0, 15)}!${randomBytes(36).toString('base64url')}`
  state.sessions.set(token, userId)
  return token
}

/** The active user a username and password log in as, or undefined. */
function checkPassword(state: SalesforceState, username: unknown, password: unknown): string | undefined {
  const user = [...state.records.get('User')!.values()].find((u) => typeof username === 'string' && String(u.Username).toLowerCase() === username.toLowerCase())
  // Salesforce accepts the password alone (trusted IPs) or followed by the user's security token.
  const ok = typeof password === 'string' && password.startsWith(state.seed.credentials.password)
  return user && ok && user.IsActive === true ? String(user.Id) : undefined
}

/** `POST /services/oauth2/token`: the client-credentials and username-password grants. */
export function tokenRoute(state: SalesforceState, instanceUrl: () => string, req: SimRequest): SimResponse {
  const form = (req.body ?? {}) as Record<string, string | undefined>
  const { clientId, clientSecret } = state.seed.credentials
  if (form.grant_type !== 'client_credentials' && form.grant_type !== 'password') return oauthError('unsupported_grant_type', 'grant type not supported')
  if (form.client_id !== clientId) return oauthError('invalid_client_id', 'client identifier invalid')
  if (form.client_secret !== clientSecret) return oauthError('invalid_client', 'invalid client credentials')
  const userId = form.grant_type === 'password' ? checkPassword(state, form.username, form.password) : state.defaultUserId()
  if (userId === undefined) return oauthError('invalid_grant', 'authentication failure')
  const issuedAt = String(state.now())
  const id = `${instanceUrl()}/id/${state.orgId}/${userId}`
  return {
    status: 200,
    body: {
      access_token: openSession(state, userId),
      instance_url: instanceUrl(),
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
      signature: createHmac('sha256', clientSecret).update(id + issuedAt).digest('base64'),
      scope: 'api',
    },
  }
}

function xmlText(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<(?:\\w+:)?${tag}>([^<]*)</(?:\\w+:)?${tag}>`).exec(xml)
  return m?.[1]?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
}

const escapeXml = (value: unknown): string => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function sendXml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' })
  res.end(`<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`)
}

/**
 * `POST /services/Soap/u/{version}` `login`: the partner API login jsforce uses for a username
 * and password without an OAuth client. Answers XML, so it bypasses the JSON route table.
 */
export async function soapLogin(state: SalesforceState, instanceUrl: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  const xml = Buffer.concat(chunks).toString('utf8')
  const version = /\/services\/Soap\/u\/([\d.]+)/.exec(req.url ?? '')?.[1] ?? '62.0'
  const userId = checkPassword(state, xmlText(xml, 'username'), xmlText(xml, 'password'))
  if (userId === undefined) {
    const fault = 'INVALID_LOGIN: Invalid username, password, security token; or user locked out.'
    return sendXml(res, 500, `<soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>${fault}</faultstring></soapenv:Fault>`)
  }
  const user = state.records.get('User')!.get(userId)!
  const result = [
    `<metadataServerUrl>${instanceUrl}/services/Soap/m/${version}/${state.orgId}</metadataServerUrl>`,
    '<passwordExpired>false</passwordExpired><sandbox>true</sandbox>',
    `<serverUrl>${instanceUrl}/services/Soap/u/${version}/${state.orgId}</serverUrl>`,
    `<sessionId>${openSession(state, userId)}</sessionId><userId>${userId}</userId>`,
    `<userInfo><organizationId>${state.orgId}</organizationId><userEmail>${escapeXml(user.Email)}</userEmail>`,
    `<userFullName>${escapeXml(user.Name)}</userFullName><userName>${escapeXml(user.Username)}</userName></userInfo>`,
  ].join('')
  sendXml(res, 200, `<loginResponse><result>${result}</result></loginResponse>`)
}
