// The standard errors, with the Dutch article right: "deze overdracht", "deze melding" (de-woorden).
import { DomainError } from '../../platform/http/errors.js';

export const notFound = (what: 'handover' | 'signal') =>
  new DomainError(
    404,
    'not_found',
    { nl: 'Niet gevonden', en: 'Not found' },
    what === 'handover'
      ? {
          nl: 'Deze overdracht bestaat niet of u heeft er geen toegang toe.',
          en: 'This handover does not exist or you have no access to it.',
        }
      : { nl: 'Deze melding bestaat niet of u heeft er geen toegang toe.', en: 'This signal does not exist or you have no access to it.' },
    undefined,
    { objectType: what },
  );

export const staleHandover = () =>
  new DomainError(
    409,
    'stale_version',
    { nl: 'Intussen gewijzigd', en: 'Changed in the meantime' },
    {
      nl: 'Iemand anders heeft deze overdracht intussen gewijzigd. Laad de pagina opnieuw; uw invoer blijft bewaard.',
      en: 'Someone else changed this handover in the meantime. Reload; your input is kept.',
    },
    'version',
  );
