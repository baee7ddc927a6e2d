// Preload for Node (NODE_OPTIONS="--require ./resolve-sandbox-test.cjs"): names under the RFC 2606 test domain
// ".sandbox.test" - the camel-btp sandbox's token service host names, https://<subdomain>.authentication.sandbox.test -
// resolve to loopback, as the JDK's jdk.net.hosts.file does for the sandbox's JVM tests. Every other name goes to
// Node's own resolver unchanged.
'use strict';
const dns = require('node:dns');

const SUFFIX = '.sandbox.test';
const resolveNormally = dns.lookup;

function isSandboxName(hostname) {
  return typeof hostname === 'string' && hostname.toLowerCase().endsWith(SUFFIX);
}

dns.lookup = function lookup(hostname, options, callback) {
  if (!isSandboxName(hostname)) {
    return resolveNormally.apply(this, arguments);
  }
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  const all = typeof options === 'object' && options !== null && options.all;
  process.nextTick(() => (all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)));
  return {};
};
