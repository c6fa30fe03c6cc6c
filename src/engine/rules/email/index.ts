/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { brevoApiKey, brevoSmtpKey } from './brevo.ts';
import { customerIoApiKey } from './customerio.ts';
import { convertKitApiSecret, kitApiKey } from './kit.ts';
import { klaviyoPrivateApiKey, klaviyoPublicApiKey } from './klaviyo.ts';
import { loopsApiKey } from './loops.ts';
import { mailchimpApiKey } from './mailchimp.ts';
import { mailerSendApiToken } from './mailersend.ts';
import { mailgunApiKey, mailgunPublicValidationKey } from './mailgun.ts';
import { mailjetSecretKey } from './mailjet.ts';
import { mailtrapApiToken } from './mailtrap.ts';
import { mandrillApiKey } from './mandrill.ts';
import { postmarkApiToken } from './postmark.ts';
import { resendApiKey } from './resend.ts';
import { sendgridApiKey } from './sendgrid.ts';
import { amazonSesSmtpPassword } from './ses-smtp.ts';
import { sparkpostApiKey } from './sparkpost.ts';

export const emailRules: readonly Rule[] = [
  brevoApiKey,
  brevoSmtpKey,
  customerIoApiKey,
  kitApiKey,
  convertKitApiSecret,
  klaviyoPrivateApiKey,
  klaviyoPublicApiKey,
  loopsApiKey,
  mailchimpApiKey,
  mailerSendApiToken,
  mailgunApiKey,
  mailgunPublicValidationKey,
  mailjetSecretKey,
  mailtrapApiToken,
  mandrillApiKey,
  postmarkApiToken,
  resendApiKey,
  sendgridApiKey,
  amazonSesSmtpPassword,
  sparkpostApiKey,
];
