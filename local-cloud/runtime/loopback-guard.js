'use strict';
/*
 * Refuses any TCP connection that does not go to this machine. The local CloudBase installs it in
 * every function instance (nothing here may reach the internet: an SDK misconfigured to call the
 * real cloud fails loudly instead of hanging), and the test setup installs it in every test.
 */
const net = require('node:net');

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

function install() {
  if (net.Socket.prototype.__loopbackGuard) return;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    let options = args[0];
    if (Array.isArray(options)) options = options[0];
    let host;
    let isPath = false;
    if (options && typeof options === 'object') {
      isPath = typeof options.path === 'string';
      host = options.host;
    } else if (typeof options === 'string' && !/^\d+$/.test(options)) {
      isPath = true;
    } else {
      host = typeof args[1] === 'string' ? args[1] : undefined;
    }
    const target = String(host || 'localhost').replace(/^\[|\]$/g, '');
    if (!isPath && !LOOPBACK.test(target)) {
      throw new Error(`loopback guard: connection to ${target} refused (only 127.0.0.1/::1 are allowed here)`);
    }
    return connect.apply(this, args);
  };
  Object.defineProperty(net.Socket.prototype, '__loopbackGuard', { value: true });
}

module.exports = { install };
