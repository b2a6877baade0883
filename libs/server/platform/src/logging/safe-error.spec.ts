import { QueryFailedError } from 'typeorm';
import { safeError } from './logging.module';

describe('safeError: how an error reaches the log', () => {
  it('keeps a database error’s SQLSTATE, table and constraint, but not its query, parameters, message or detail', () => {
    const driverError = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
      table: 'draft',
      constraint: undefined,
      detail: 'Key (personal_id)=(001195012345) already exists.',
    });
    const error = new QueryFailedError(
      'UPDATE draft SET data = $1 WHERE id = $2',
      [{ child: { fullName: 'Nguyễn Minh Khang' }, mother: { personalId: '001195012345' } }, 'id'],
      driverError,
    );
    const logged = JSON.stringify(safeError(error));
    expect(logged).toContain('22021');
    expect(logged).toContain('draft');
    expect(logged).not.toMatch(/Nguyễn|001195012345|UPDATE draft|0x00/);
  });

  it('keeps an ordinary error’s message and stack', () => {
    expect(safeError(new TypeError('x is not a function'))).toMatchObject({
      type: 'TypeError',
      message: 'x is not a function',
    });
  });
});
