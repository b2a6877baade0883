export * from './notifications.module';
export * from './notifications.service';
export * from './notification.entity';
export * from './queue-notification';
export {
  InvalidNotification,
  renderNotification,
  renderTemplate,
  templateNames,
  type RenderedMessage,
  type TemplateName,
  type TemplateParams,
} from './templates';
