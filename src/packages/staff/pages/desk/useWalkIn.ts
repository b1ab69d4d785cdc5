import { useState, type Dispatch, type SetStateAction } from 'react';
import type { Category } from '../../../../constants/categories';
import { useAsync } from '../../../../hooks/useAsync';
import { bookForApplicant, findCaseByNo, type FoundCase } from '../../../../services/deskBookings';
import { listSlots } from '../../../../services/bookings';
import { daysFromToday, type DeskError } from './dates';

export interface WalkIn {
  /** 'case': the caller has an application, found by its number; 'walkIn': held on the desk */
  mode: 'walkIn' | 'case';
  caseNo: string;
  found: FoundCase | null;
  /** the agent checked the masked name and phone with the caller */
  confirmed: boolean;
  name: string;
  phone: string;
  category: Category | null;
  homeVisit: boolean;
  address: string;
  slotId: string;
}
export const EMPTY: WalkIn = {
  mode: 'walkIn',
  caseNo: '',
  found: null,
  confirmed: false,
  name: '',
  phone: '',
  category: null,
  homeVisit: false,
  address: '',
  slotId: '',
};

interface DeskControls {
  setError: Dispatch<SetStateAction<DeskError | null>>;
  /** runs one desk action: busy while it runs, its answer shown, the day reloaded */
  run: (what: () => Promise<string>) => Promise<void>;
  setOffset: (offset: number) => void;
}

/** 代客预约: the form's state, the slots it offers, finding a case by number and booking. */
export function useWalkIn({ setError, run, setOffset }: DeskControls) {
  const [form, setForm] = useState<WalkIn | null>(null);
  const slots = useAsync(
    () => (form ? listSlots(form.homeVisit ? { kind: 'home_visit' } : {}) : Promise.resolve(null)),
    `${form ? 'open' : 'closed'}|${form?.homeVisit ? 'home' : 'center'}`,
  );

  const set = (patch: Partial<WalkIn>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    // an answer given clears what was said about that field
    const cleared = Object.keys(patch).map((k) => (k === 'address' ? 'homeAddress' : k));
    setError((e) =>
      e ? { ...e, fields: Object.fromEntries(Object.entries(e.fields).filter(([k]) => !cleared.includes(k))) } : e,
    );
  };

  function findCase() {
    if (!form) return;
    const caseNo = (form.caseNo ?? '').trim().toUpperCase();
    if (!/^BB\d{8}-\d{4,6}$/.test(caseNo))
      return setError({ text: '请按提示补全', fields: { caseNo: '申请编号格式如 BB20261128-073852' } });
    return run(async () => {
      const r = await findCaseByNo(caseNo);
      set({ found: r.case, confirmed: false, category: r.case.category, homeVisit: false, slotId: '' });
      return '';
    });
  }

  function book() {
    if (!form) return;
    const missing: Record<string, string> = {};
    if (form.mode === 'case') {
      if (!form.found) missing.caseNo = '请先输入申请编号并查找';
      else if (!form.found.open) missing.caseNo = '这条申请已经结束，请按来人登记预约';
      else if (!form.confirmed) missing.confirmed = '请先与来电人核对姓名和电话';
    } else {
      if (!form.name.trim()) missing.name = '请填写申请人姓名';
      if (!/^1\d{10}$/.test(form.phone.trim())) missing.phone = '请填写11位手机号码';
      if (!form.category) missing.category = '请选择办理事项的类别';
    }
    if (!form.slotId) missing.slotId = '请选择预约时段';
    if (form.homeVisit && form.address.trim().length < 5)
      missing.homeAddress = '请填写详细地址（乡镇、村或小区、门牌号）';
    if (Object.keys(missing).length) return setError({ text: '请按提示补全', fields: missing });
    const who =
      form.mode === 'case' ? `${form.found!.contactName ?? '申请人'}（${form.found!.caseNo}）` : form.name.trim();
    return run(async () => {
      const target =
        form.mode === 'case'
          ? { caseId: form.found!.caseId }
          : { walkIn: { name: form.name.trim(), phone: form.phone.trim(), category: form.category! } };
      const r = await bookForApplicant({
        slotId: form.slotId,
        ...target,
        ...(form.homeVisit ? { homeAddress: form.address.trim() } : {}),
      });
      const b = r.booking;
      const bookedDay = daysFromToday(b.date);
      setForm(null);
      if (bookedDay >= 0 && bookedDay <= 6) setOffset(bookedDay);
      return `已为 ${who} 预约 ${b.date} ${b.start}–${b.end}（${b.kindLabel}），请告知申请人带上：${b.bring.join('、')}`;
    });
  }

  return { form, setForm, slots, set, findCase, book };
}

export type WalkInControls = ReturnType<typeof useWalkIn>;
