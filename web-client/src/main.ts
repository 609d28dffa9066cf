import './styles.css';
import './components/app-shell.ts';
import { documentTitle, locale, router, session } from './context.ts';

function applyLanguage(): void {
  document.documentElement.lang = locale.locale;
  documentTitle.service = locale.t('app.name');
}

applyLanguage();
locale.on('locale-changed', applyLanguage);
router.start();
document.body.append(document.createElement('tp-app'));
void session.restore();
