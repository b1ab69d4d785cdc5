import { useState, type ChangeEvent } from 'react';
import { DEMO_IDENTITIES } from '../../dev/demoIdentities';
import { getDevOpenid, setDevOpenid } from '../../dev/devIdentity';
import './index.css';

/** Puts `openid` in the real query and drops any `as=` after the hash route. */
function urlActingAs(openid: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set('as', openid);
  const q = url.hash.indexOf('?');
  if (q >= 0) {
    const params = new URLSearchParams(url.hash.slice(q + 1));
    params.delete('as');
    const rest = params.toString();
    url.hash = url.hash.slice(0, q) + (rest ? `?${rest}` : '');
  }
  return url.toString();
}

/**
 * H5 only (PageShell never loads it in weapp): choose which demo person the local gateway
 * treats as the caller. A switch reloads the page so no data of the previous person stays.
 */
export default function DevIdentitySwitcher() {
  const [openid] = useState(getDevOpenid);
  const known = DEMO_IDENTITIES.some((d) => d.openid === openid);

  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const next = e.target.value;
    setDevOpenid(next);
    window.location.replace(urlActingAs(next));
  };

  return (
    <div className="dev-identity" data-testid="dev-identity">
      <label className="dev-identity__label" htmlFor="dev-identity-select">
        演示身份
      </label>
      <select
        id="dev-identity-select"
        className="dev-identity__select t-dev-identity"
        value={openid}
        onChange={onChange}
      >
        {known ? null : <option value={openid}>{openid}</option>}
        {DEMO_IDENTITIES.map((d) => (
          <option key={d.openid} value={d.openid}>
            {d.label}
          </option>
        ))}
      </select>
    </div>
  );
}
