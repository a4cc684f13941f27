/** pledge's version, as `pledge --version` and SARIF reports give it (kept equal to package.json's). */
export const PLEDGE_VERSION = '0.1.0';
