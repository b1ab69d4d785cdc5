// Every test runs on UTC like the cloud, and may only talk to this machine.
process.env.TZ = 'UTC';
require('../../local-cloud/runtime/loopback-guard').install();
