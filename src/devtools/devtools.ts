/**
 * The DevTools page: only registers the LeakLens panel. It lives as long as the DevTools window does;
 * the panel page does the work.
 */
import browser from 'webextension-polyfill';

void browser.devtools.panels.create('LeakLens', '/icons/icon-32.png', '/src/devtools/panel.html');
