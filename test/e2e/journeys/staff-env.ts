import type { CloudBase } from '../../../local-cloud/src';
import { call } from '../../support/app';
import { PDF_BYTES, PNG_BYTES, submitAs, uploadAs } from '../../support/applicant';
import { maskName } from '../../../core';
import type { StaffJourneyEnv } from './staff';

/** The applications the staff journeys start from (submitted through cases.submit by the test). */
export const STAFF_FORMS = {
  enterprise: {
    category: 'enterprise',
    applicantType: 'enterprise',
    mode: 'proxy',
    matter: '天山食品有限公司设立登记及食品经营许可',
    contactName: '王海',
    contactPhone: '13899001122',
  },
  // a 帮办 request made online without a signature: the applicant will sign at the desk
  walkIn: {
    category: 'livelihood',
    applicantType: 'person',
    mode: 'help',
    matter: '办理高龄津贴申领',
    contactName: '张桂兰',
    contactPhone: '13912345678',
  },
  investment: {
    category: 'investment',
    applicantType: 'enterprise',
    mode: 'proxy',
    matter: '年产5万吨番茄酱加工项目（投资1.2亿元）',
    contactName: '李明',
    contactPhone: '13999887766',
    details: {
      projectName: '番茄酱加工项目',
      investmentWan: 12000,
      approvalLevel: 'county',
      fitsIndustrialPolicy: true,
      industry: 'manufacturing',
    },
  },
} as const;

/** What the staff journeys need from the test cloud, the same on both builds. */
export function staffJourneyEnv(cloud: () => CloudBase): StaffJourneyEnv {
  return {
    call: (name, data, openid) => call(cloud(), name, data, openid),
    async bookingUnderWay(name, phone) {
      // an hour ago, but never before today's Beijing midnight: the desk lists today only (CI may run at 00:10)
      const now = Date.now();
      const midnight = Date.parse(`${new Date(now + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00+08:00`);
      const startsAt = new Date(Math.max(now - 3600_000, midnight));
      const beijing = new Date(startsAt.getTime() + 8 * 3600_000).toISOString();
      const [date, clock] = [beijing.slice(0, 10), beijing.slice(11, 16)];
      const end = new Date(startsAt.getTime() + (8 * 60 + 30) * 60_000).toISOString().slice(11, 16);
      const id = `bk_underway_${Date.now().toString(36)}`;
      // stored as bookings.bookFor stores one; its slot need not be in today's timetable (the desk lists it anyway)
      cloud().store.apply([
        {
          collection: 'bookings',
          id,
          doc: {
            _id: id,
            applicantId: `tel:${phone}`,
            slotId: `${date}@am@${clock}`,
            kind: 'regular',
            startsAt,
            status: 'active',
            category: 'livelihood',
            caseId: null,
            homeAddress: null,
            bookedBy: { id: 'st-agent-center', role: 'agent' },
            bookedAt: startsAt,
            rescheduleCount: 0,
            cancelledAt: null,
            cancelReason: null,
            date,
            start: clock,
            end,
            windowLabel: '上午',
            contactName: name,
            contactPhone: phone,
            checkedInAt: null,
            seat: `${date}@am@${clock}#${id}`,
            holder: `${date}@am@${clock}|tel:${phone}`,
          } as never,
        },
      ]);
      return maskName(name);
    },
    async newCase(openid, kind, options = {}) {
      const materials = options.withFiles
        ? [
            {
              fileID: await uploadAs(cloud(), openid, 'materials', PNG_BYTES, 'png'),
              name: '营业执照.png',
              size: PNG_BYTES.length,
              type: 'image/png',
            },
            {
              fileID: await uploadAs(cloud(), openid, 'materials', PDF_BYTES, 'pdf'),
              name: '场所证明.pdf',
              size: PDF_BYTES.length,
              type: 'application/pdf',
            },
          ]
        : undefined;
      const r = await submitAs(cloud(), openid, { ...STAFF_FORMS[kind], ...(materials ? { materials } : {}) });
      if (!r.ok) throw new Error(`${r.code} ${r.message}`);
      const d = await call(cloud(), 'workbench', { action: 'get', input: { caseId: r.data.caseId } }, 'o_center_admin');
      if (!d.ok) throw new Error(d.message);
      return d.data.case.caseNo as string;
    },
  };
}
