import { askToSubscribe, isAccepted } from '../../src/services/askToSubscribe';
import { callCloud, requestSubscribe } from '../../src/services/transport';

jest.mock('../../src/services/transport', () => ({
  callCloud: jest.fn(async () => ({ ok: true, data: {} })),
  requestSubscribe: jest.fn(),
}));

describe('askToSubscribe', () => {
  it('counts acceptWithAudio (accepted with the sound reminder on) as a yes, and nothing else', async () => {
    jest
      .mocked(requestSubscribe)
      .mockResolvedValue({ A: 'acceptWithAudio', B: 'reject', C: 'accept', D: 'ban', E: 'filter' });
    expect(await askToSubscribe(['A', 'B', 'C', 'D', 'E'])).toEqual(['A', 'C']);
    expect(callCloud).toHaveBeenCalledWith('notify', { action: 'recordGrants', input: { accepted: ['A', 'C'] } });
  });

  it('records nothing when every template was refused', async () => {
    jest.mocked(requestSubscribe).mockResolvedValue({ A: 'reject' });
    expect(await askToSubscribe(['A'])).toEqual([]);
    expect(callCloud).not.toHaveBeenCalled();
  });

  it('isAccepted knows WeChat’s two yes answers', () => {
    expect(['accept', 'acceptWithAudio', 'reject', 'ban', 'filter', undefined].map(isAccepted)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
