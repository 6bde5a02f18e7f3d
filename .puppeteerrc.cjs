// The browser comes from the system or from @sparticuz/chromium (see src/render/browser.ts);
// puppeteer must never try to download one at install time: there is no network for it.
module.exports = { skipDownload: true };
