export * from './lib/citizen.routes';
// Shared with the back office (libs/web/office): the form's pages and labels, dates, form problems.
export { pagesOf, type FieldDefinition, type PageDefinition } from './lib/application/form-pages';
export { VnDatePipe } from './lib/dossiers/vn-date.pipe';
export { displayedProblems, problemsFromApi, validate, type FormProblem } from './lib/form-problems';
