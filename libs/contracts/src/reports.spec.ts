import { reportExportQuerySchema, reportQuerySchema } from './reports';
import { publicServiceIndexQuerySchema, serviceIndexQuerySchema } from './service-index';

describe("a report's query", () => {
  it('names a month, quarter or year of 2000–2099 only (Date.UTC would read year 50 as 1950)', () => {
    for (const schema of [reportQuerySchema, serviceIndexQuerySchema, publicServiceIndexQuerySchema]) {
      expect(schema.safeParse({ month: '2026-11' }).success).toBe(true);
      expect(schema.safeParse({ quarter: '2026-Q4' }).success).toBe(true);
      expect(schema.safeParse({ month: '0050-03' }).success).toBe(false);
      expect(schema.safeParse({ quarter: '9999-Q4' }).success).toBe(false);
      expect(schema.safeParse({ year: '2100' }).success).toBe(false);
    }
  });

  it('names a ward or a province, not both', () => {
    expect(reportQuerySchema.safeParse({ unitCode: '00004', provinceCode: '01' }).success).toBe(false);
    expect(serviceIndexQuerySchema.safeParse({ unitCode: '00004', provinceCode: '01' }).success).toBe(false);
  });

  it("takes the export's language, Vietnamese or English", () => {
    expect(reportExportQuerySchema.parse({ month: '2026-11', lang: 'en' }).lang).toBe('en');
    expect(reportExportQuerySchema.safeParse({ lang: 'fr' }).success).toBe(false);
  });
});
