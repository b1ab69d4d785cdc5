'use strict';
/*
 * Demo data for 和硕县政务服务中心 (npm start, npm run seed, browser tests). Names are invented;
 * openids match the H5 identity switcher, whose list (src/dev/demoIdentities.json) this file exports.
 */
const units = [
  { _id: 'center', name: '和硕县政务服务中心', kind: 'center', officePhone: '0996-5012345' },
  { _id: 'fgw', name: '和硕县发展和改革委员会', kind: 'department', officePhone: '0996-5013100' },
  { _id: 'scjg', name: '和硕县市场监督管理局', kind: 'department' },
  { _id: 'zrzy', name: '和硕县自然资源局', kind: 'department' },
];

const staff = [
  { _id: 'st-agent-center', openid: 'o_agent_center', name: '陈静', role: 'agent', unitId: 'center', unitName: '和硕县政务服务中心', onDuty: true, active: true, skills: ['livelihood', 'enterprise'], officePhone: '0996-5012301' },
  { _id: 'st-agent-center-2', openid: 'o_agent_center_2', name: '古丽米拉', role: 'agent', unitId: 'center', unitName: '和硕县政务服务中心', onDuty: false, active: true, skills: ['livelihood'], officePhone: '0996-5012302' },
  { _id: 'st-agent-fgw', openid: 'o_agent_fgw', name: '马建军', role: 'agent', unitId: 'fgw', unitName: '和硕县发展和改革委员会', onDuty: true, active: true, skills: ['investment', 'major'], officePhone: '0996-5013101' },
  { _id: 'st-leader-fgw', openid: 'o_leader_fgw', name: '刘志强', role: 'leader', unitId: 'fgw', unitName: '和硕县发展和改革委员会', onDuty: true, active: true },
  { _id: 'st-center-admin', openid: 'o_center_admin', name: '赵敏', role: 'center', admin: true, unitId: 'center', unitName: '和硕县政务服务中心', onDuty: true, active: true },
];

/** Demo identities printed by npm start: the same file is the H5 identity switcher's list. */
const identities = require('../src/dev/demoIdentities.json');

module.exports = { units, staff, identities, collections: { units, staff } };
