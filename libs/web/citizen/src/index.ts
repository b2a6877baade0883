export * from './lib/citizen.routes';
