import { askToSubscribe, isAccepted } from '../../src/services/notify';
import { callApi, requestSubscribe } from '../../src/services/transport';

jest.mock('../../src/services/transport', () => ({
  callApi: jest.fn(async () => ({ recorded: 2 })),
  requestSubscribe: jest.fn(),
}));

describe('askToSubscribe', () => {
  it('counts acceptWithAudio (accepted with the sound reminder on) as a yes, and nothing else', async () => {
    jest
      .mocked(requestSubscribe)
      .mockResolvedValue({ A: 'acceptWithAudio', B: 'reject', C: 'accept', D: 'ban', E: 'filter' });
    expect(await askToSubscribe(['A', 'B', 'C', 'D', 'E'])).toEqual(['A', 'C']);
    expect(callApi).toHaveBeenCalledWith('notify', 'recordGrants', { accepted: ['A', 'C'] });
  });

  it('records nothing when every template was refused', async () => {
    jest.mocked(requestSubscribe).mockResolvedValue({ A: 'reject' });
    expect(await askToSubscribe(['A'])).toEqual([]);
    expect(callApi).not.toHaveBeenCalled();
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
