import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_BYTES,
  attachmentUploadFieldsSchema,
  checkChosenFile,
  fieldProblems,
} from './index';

describe('checkChosenFile', () => {
  it.each([
    ['a PDF', { name: 'giay-chung-sinh.pdf', type: 'application/pdf', size: 120_000 }],
    ['a JPEG', { name: 'anh.JPG', type: 'image/jpeg', size: 2_000_000 }],
    ['a PNG of exactly 10 MB', { name: 'scan.png', type: 'image/png', size: ATTACHMENT_MAX_BYTES }],
    ['a file the browser declares nothing for, by its extension', { name: 'scan.jpeg', type: '', size: 10 }],
  ])('lets %s through', (_name, file) => {
    expect(checkChosenFile(file)).toBeNull();
  });

  it.each([
    ['an empty file', { name: 'a.pdf', type: 'application/pdf', size: 0 }, 'empty'],
    ['a file over 10 MB', { name: 'a.pdf', type: 'application/pdf', size: ATTACHMENT_MAX_BYTES + 1 }, 'tooLarge'],
    ['a Word document', { name: 'to-khai.docx', type: 'application/msword', size: 10 }, 'typeNotAllowed'],
    ['a program named like a PDF', { name: 'a.pdf', type: 'application/x-msdownload', size: 10 }, 'typeNotAllowed'],
    ['an HEIC photo', { name: 'IMG_0001.HEIC', type: '', size: 10 }, 'typeNotAllowed'],
  ])('stops %s', (_name, file, problem) => {
    expect(checkChosenFile(file)).toBe(problem);
  });

  it('tells the file picker the same types', () => {
    expect(ATTACHMENT_ACCEPT).toBe('application/pdf,image/jpeg,image/png');
  });
});

describe('attachmentUploadFieldsSchema', () => {
  it('takes a paper code of the catalogue', () => {
    expect(attachmentUploadFieldsSchema.parse({ paperCode: 'medical_birth_certificate' })).toEqual({
      paperCode: 'medical_birth_certificate',
    });
  });

  it.each([undefined, '', 'Giấy khai sinh', 'a-b', 'a'.repeat(65), 42])(
    'refuses %p with one clear message',
    (paperCode) => {
      const result = attachmentUploadFieldsSchema.safeParse({ paperCode }, { reportInput: true });
      expect(result.success).toBe(false);
      if (!result.success) {
        expect(fieldProblems(result.error, 'en')).toEqual([
          {
            field: 'paperCode',
            code: 'paperCode',
            message: 'The type of paper is not valid. Please reload the page and try again.',
          },
        ]);
      }
    },
  );
});
