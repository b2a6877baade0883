import './zod-config';
import * as z from 'zod';

describe('zod in the browser', () => {
  it('runs without eval (the Content Security Policy forbids it), as zod-config.ts tells it', () => {
    expect(z.config().jitless).toBe(true);
    expect(z.object({ a: z.string() }).safeParse({ a: 'x' }).success).toBe(true);
  });
});
