// SAP's JavaScript SDK (@sap-cloud-sdk/connectivity, version pinned in package.json) against the standalone camel-btp
// sandbox, in the flows where SAP's client builds the subscriber's token URL from the binding: a provider destination,
// a subscriber's destination (the subscriber's JWT as `jwt`) and a user-token flow (OAuth2UserTokenExchange).
// Not part of `mvn verify` (CI has no Node). How to run it: camel-btp-sandbox/README.md, "SAP's clients".
'use strict';
const assert = require('node:assert/strict');
const { getDestination } = require('@sap-cloud-sdk/connectivity');

const SUBSCRIBER = process.env.SANDBOX_SUBSCRIBER || 'acme';
const USER = process.env.SANDBOX_USER || 'alice:alice-password';

function credentials(service) {
  return JSON.parse(process.env.VCAP_SERVICES)[service][0].credentials;
}

function claims(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

/** A user's token of the subscriber's zone, from the subscriber's own token URL (as the approuter would get it). */
async function subscriberUserToken() {
  const { clientid, clientsecret, uaadomain } = credentials('destination');
  const [username, password] = USER.split(':');
  const answer = await fetch(`https://${SUBSCRIBER}.${uaadomain}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: 'Basic ' + Buffer.from(`${encodeURIComponent(clientid)}:${encodeURIComponent(clientsecret)}`).toString('base64')
    },
    body: new URLSearchParams({ grant_type: 'password', username, password })
  });
  const body = await answer.text();
  assert.equal(answer.status, 200, `password grant at the subscriber's host: ${answer.status} ${body}`);
  return JSON.parse(body).access_token;
}

async function main() {
  const uaadomain = credentials('destination').uaadomain;
  console.log(`binding url ${credentials('destination').url}, uaadomain ${uaadomain}`);

  const provider = await getDestination({ destinationName: 'CloudSalesAPI', useCache: false });
  assert.ok(provider, 'provider destination CloudSalesAPI not found');
  assert.equal(provider.authentication, 'OAuth2ClientCredentials');
  assert.ok(provider.authTokens?.[0]?.value, 'no authTokens for CloudSalesAPI');
  console.log(`provider   CloudSalesAPI: ${provider.url}, authTokens[0].type ${provider.authTokens[0].type}`);

  const jwt = await subscriberUserToken();
  const zone = claims(jwt).zid;
  console.log(`subscriber ${SUBSCRIBER}: user token of zone ${zone}, iss ${claims(jwt).iss}`);

  const catalog = await getDestination({ destinationName: 'PublicCatalog', jwt, useCache: false });
  assert.ok(catalog, 'subscriber destination PublicCatalog not found');
  assert.equal(catalog.originalProperties?.Description,
    `PublicCatalog of subscriber ${SUBSCRIBER}`, 'not the subscriber\'s PublicCatalog');
  console.log(`subscriber PublicCatalog: "${catalog.originalProperties?.Description}"`);

  const exchanged = await getDestination({ destinationName: 'UserExchange', jwt, useCache: false });
  assert.ok(exchanged, 'subscriber destination UserExchange not found');
  assert.equal(exchanged.authentication, 'OAuth2UserTokenExchange');
  const token = exchanged.authTokens?.[0];
  assert.ok(token?.value, `no user token exchanged: ${JSON.stringify(token?.error ?? exchanged.authTokens)}`);
  const exchangedClaims = claims(token.value);
  assert.equal(exchangedClaims.zid, zone, 'the exchanged token is not of the subscriber\'s zone');
  assert.ok(exchangedClaims.user_name, 'the exchanged token is not a user token');
  console.log(`user flow  UserExchange: token of user ${exchangedClaims.user_name} in zone ${exchangedClaims.zid}`);
  console.log('SAP Cloud SDK for JavaScript: all checks passed');
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
