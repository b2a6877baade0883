import { fieldProblems } from './validation';
import { loginRequestSchema, registerRequestSchema } from './account';

const valid = {
  fullName: '  Nguyễn   Thị  Ánh ',
  email: 'Anh.Nguyen@Example.VN',
  password: 'matkhau123',
  passwordConfirmation: 'matkhau123',
};

describe('registerRequestSchema', () => {
  it('normalises the name, e-mail and phone it accepts', () => {
    const parsed = registerRequestSchema.parse({ ...valid, phone: '+84 912 345 678' });
    expect(parsed).toMatchObject({ fullName: 'Nguyễn Thị Ánh', email: 'anh.nguyen@example.vn', phone: '0912345678' });
  });

  it('accepts a phone number instead of an e-mail address', () => {
    expect(registerRequestSchema.parse({ ...valid, email: '', phone: '0987654321' }).email).toBeUndefined();
  });

  it.each([
    [{ fullName: 'Nguyen Van 3' }, 'fullName', 'fullName'],
    [{ fullName: 'A' }, 'fullName', 'fullName'],
    [{ email: 'not-an-address' }, 'email', 'email'],
    [{ email: undefined, phone: undefined }, 'email', 'emailOrPhone'],
    [{ phone: '0123' }, 'phone', 'phone'],
    [{ password: 'short1', passwordConfirmation: 'short1' }, 'password', 'password'],
    [{ password: 'onlyletters', passwordConfirmation: 'onlyletters' }, 'password', 'password'],
    [{ passwordConfirmation: 'different1' }, 'passwordConfirmation', 'passwordConfirmation'],
    [{ fullName: undefined }, 'fullName', 'required'],
    [{ fullName: 42 }, 'fullName', 'required'],
  ])('reports %o as a problem with %s (%s)', (change, field, code) => {
    const result = registerRequestSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldProblems(result.error, 'vi')).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('gives the same problem in English', () => {
    const result = registerRequestSchema.safeParse({ ...valid, email: 'x' });
    expect(result.success || fieldProblems(result.error, 'en')[0].message).toBe(
      'Enter an e-mail address like name@example.vn.',
    );
  });
});

describe('loginRequestSchema', () => {
  it('asks for both the login and the password', () => {
    const result = loginRequestSchema.safeParse({});
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldProblems(result.error, 'vi').map((p) => p.code)).toEqual(['login', 'passwordRequired']);
  });
});
