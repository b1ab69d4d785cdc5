import { render } from '@testing-library/react';
import MaterialsPicker from '../../src/components/MaterialsPicker';

describe('MaterialsPicker (H5 build)', () => {
  it('offers the same two ways as WeChat: photos (camera or gallery) and PDF files, each its own file input', () => {
    const { container } = render(
      <MaterialsPicker name="materials" label="相关材料" files={[]} onChange={() => undefined} />,
    );
    const photo = container.querySelector('.t-pick-materials-photo');
    const pdf = container.querySelector('.t-pick-materials-pdf');
    expect(photo?.textContent).toContain('拍照或选择照片');
    expect(pdf?.textContent).toContain('选择 PDF 文件');
    expect(photo?.querySelector('input[type=file]')?.getAttribute('accept')).toBe('image/jpeg,image/png');
    expect(pdf?.querySelector('input[type=file]')?.getAttribute('accept')).toBe('application/pdf');
  });
});
