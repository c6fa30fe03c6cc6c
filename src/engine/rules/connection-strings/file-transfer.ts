/** FTP/FTPS/SFTP, SMB and SSH URLs with a password. */
import type { Rule } from '../../types.ts';
import { credentialUrlPattern, validateUrlCredentials } from '../../validators/connection-string.ts';

export const ftpUrlCredentials: Rule = {
  id: 'ftp-url-credentials',
  title: 'FTP / SFTP URL with password',
  provider: 'FTP',
  category: 'connection-string',
  keywords: ['ftp://', 'ftps://', 'sftp://'],
  pattern: credentialUrlPattern('s?ftps?'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'high',
  exposure: 'secret',
  description: 'An FTP or SFTP URL with a password logs in to the file server as that user: downloading, replacing or deleting files (often web roots or data exchanges).',
  remediation: 'Change the account’s password (prefer SSH keys for SFTP), and move file transfers to the server side.',
  samples: {
    positives: ['ftp://deploy:{{alnum:16}}@ftp.{{lower:8}}.com/public_html', 'SFTP_URL=sftp://backup:{{base64url:20}}@files.{{lower:6}}.net:2222/in'],
    negatives: ['ftp://anonymous@ftp.{{lower:6}}.org/pub', 'sftp://user:<password>@host/path'],
  },
};

export const smbUrlCredentials: Rule = {
  id: 'smb-url-credentials',
  title: 'SMB URL with password',
  provider: 'SMB',
  category: 'connection-string',
  keywords: ['smb://', 'cifs://'],
  pattern: credentialUrlPattern('smb|cifs'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'high',
  exposure: 'secret',
  description: 'An SMB URL with a password opens the file share as that (often domain) user, and the same credentials frequently work elsewhere in the network.',
  remediation: 'Change the account’s password and keep share credentials out of front-end code.',
  samples: {
    positives: ['smb://CORP;svc_scan:{{alnum:16}}@fs01.{{lower:6}}.corp/scans', 'cifs://backup:{{base64url:14}}@nas.{{lower:6}}.lan/share'],
    negatives: ['smb://fs01/share', 'smb://user:${PASS}@fs01/share'],
  },
};

export const sshUrlCredentials: Rule = {
  id: 'ssh-url-credentials',
  title: 'SSH URL with password',
  provider: 'SSH',
  category: 'connection-string',
  keywords: ['ssh://', 'scp://', 'rsync://'],
  pattern: credentialUrlPattern('ssh|scp|rsync'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'high',
  exposure: 'secret',
  description: 'An SSH, SCP or rsync URL with a password logs in to the host as that user, often with a shell.',
  remediation: 'Change the password (better: disable password login and use keys), and keep deployment credentials in CI.',
  samples: {
    positives: ['ssh://deploy:{{alnum:16}}@203.0.113.7:22', 'rsync://mirror:{{base64url:18}}@mirror.{{lower:8}}.org/data'],
    negatives: ['ssh://git@github.com/org/repo.git', 'ssh://user:<password>@host'],
  },
};
