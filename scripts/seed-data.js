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
  {
    _id: 'st-agent-center',
    openid: 'o_agent_center',
    name: '陈静',
    role: 'agent',
    unitId: 'center',
    unitName: '和硕县政务服务中心',
    onDuty: true,
    active: true,
    skills: ['livelihood', 'enterprise'],
    officePhone: '0996-5012301',
  },
  {
    _id: 'st-agent-center-2',
    openid: 'o_agent_center_2',
    name: '古丽米拉',
    role: 'agent',
    unitId: 'center',
    unitName: '和硕县政务服务中心',
    onDuty: false,
    active: true,
    skills: ['livelihood'],
    officePhone: '0996-5012302',
  },
  {
    _id: 'st-agent-fgw',
    openid: 'o_agent_fgw',
    name: '马建军',
    role: 'agent',
    unitId: 'fgw',
    unitName: '和硕县发展和改革委员会',
    onDuty: true,
    active: true,
    skills: ['investment', 'major'],
    officePhone: '0996-5013101',
  },
  {
    _id: 'st-leader-fgw',
    openid: 'o_leader_fgw',
    name: '刘志强',
    role: 'leader',
    unitId: 'fgw',
    unitName: '和硕县发展和改革委员会',
    onDuty: true,
    active: true,
  },
  {
    _id: 'st-center-admin',
    openid: 'o_center_admin',
    name: '赵敏',
    role: 'center',
    admin: true,
    unitId: 'center',
    unitName: '和硕县政务服务中心',
    onDuty: true,
    active: true,
  },
];

/** Demo identities printed by npm start: the same file is the H5 identity switcher's list. */
const identities = require('../src/dev/demoIdentities.json');

/**
 * DEMO DATA — the center's catalogue of matters with their 材料清单, not confirmed by the center;
 * the administrator edits it under 设置 › 服务事项与承诺时限.
 */
const settings = [
  {
    _id: 'serviceItems',
    items: [
      {
        itemId: 'elderly-allowance',
        name: '高龄津贴申领',
        unitId: 'center',
        window: '民政窗口',
        committedWorkingDays: 5,
        materials: ['申请人身份证', '户口簿', '银行卡（本人名下）', '代办的：代办人身份证和委托书'],
      },
      {
        itemId: 'company-setup',
        name: '企业设立登记',
        unitId: 'scjg',
        window: '市场监管窗口',
        committedWorkingDays: 3,
        materials: ['公司章程', '法定代表人、股东身份证明', '住所（经营场所）使用证明', '委托代理人的：授权委托书'],
      },
      {
        itemId: 'food-license',
        name: '食品经营许可',
        unitId: 'scjg',
        window: '市场监管窗口',
        committedWorkingDays: 10,
        materials: ['营业执照', '法定代表人身份证', '经营场所使用证明', '食品安全管理制度', '主要设备设施布局图'],
      },
      {
        itemId: 'project-filing',
        name: '企业投资项目备案',
        unitId: 'fgw',
        window: '发展改革窗口',
        committedWorkingDays: 2,
        materials: ['项目单位营业执照', '项目基本情况（名称、地点、规模、内容、总投资）', '符合产业政策的声明'],
      },
    ],
  },
];

module.exports = { units, staff, identities, collections: { units, staff, settings } };
