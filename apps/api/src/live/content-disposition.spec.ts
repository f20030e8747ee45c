import { contentDisposition } from './content-disposition';

describe(contentDisposition.name, () => {
  it('keeps the UTF-8 name and gives an ASCII fallback', () => {
    expect(contentDisposition('课件 第1课.pdf')).toBe(
      `attachment; filename="__ _1_.pdf"; filename*=UTF-8''%E8%AF%BE%E4%BB%B6%20%E7%AC%AC1%E8%AF%BE.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or newlines', () => {
    const header = contentDisposition('a"b\\c\r\nSet-Cookie: x.txt');
    expect(header).toBe(
      `attachment; filename="a_b_c__Set-Cookie: x.txt"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x.txt`,
    );
  });
});
