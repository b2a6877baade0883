import { Injectable, PipeTransform } from '@nestjs/common';
import { fieldProblems, type Language, type LocalizedText } from '@portal/contracts';
import type { z } from 'zod';
import { DomainError } from '../errors/domain-error';

export const VALIDATION_FAILED_TEXT: LocalizedText = {
  vi: 'Thông tin chưa hợp lệ. Vui lòng kiểm tra các mục được đánh dấu.',
  en: 'Some of the information is not valid. Please check the marked fields.',
};

/** 400 with every field's problem, in the caller's language. */
export class ValidationFailed extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 400;

  constructor(private readonly error: z.ZodError) {
    super(VALIDATION_FAILED_TEXT);
  }

  override detailsIn(language: Language): Record<string, unknown> {
    return { fields: fieldProblems(this.error, language) };
  }
}

/** `@Body(new ZodBody(schema))`: parses the body with a shared contract schema. */
@Injectable()
export class ZodBody<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {}, { reportInput: true });
    if (!result.success) throw new ValidationFailed(result.error);
    return result.data;
  }
}
