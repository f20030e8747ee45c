import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { Clearable, IsCalendarDate, Optional, Trim } from './dto.decorators';

class Sample {
  @Optional()
  @Trim()
  @IsString()
  name?: string;

  @Clearable()
  @IsCalendarDate()
  until?: string | null;
}

const errors = (plain: object) =>
  validateSync(plainToInstance(Sample, plain)).flatMap((e) => Object.values(e.constraints ?? {}));

describe('dto.decorators', () => {
  it('Optional skips absent fields but validates null', () => {
    expect(errors({})).toEqual([]);
    expect(errors({ name: null })).toEqual(['name must be a string']);
  });

  it('Clearable skips absent and null, validates values', () => {
    expect(errors({ until: null })).toEqual([]);
    expect(errors({ until: '2026-02-30' })).toEqual(['until must be a date written YYYY-MM-DD']);
    expect(errors({ until: '2026-02-28' })).toEqual([]);
  });

  it('Trim trims strings and leaves other types to the validators', () => {
    expect(plainToInstance(Sample, { name: '  李家坝小学 ' }).name).toBe('李家坝小学');
    expect(errors({ name: 7 })).toEqual(['name must be a string']);
  });
});
