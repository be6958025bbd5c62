import type { App } from '../../platform/http/app.js';
import { PersonParams, PersonVersion, UpdatePersonBody } from './persons.contract.js';
import { updatePerson } from './persons.service.js';

export function personsRoutes(app: App) {
  app.put('/api/v1/persons/:personId', {
    schema: { tags: ['Gezinnen'], summary: 'De gegevens van een gezinslid wijzigen (met versie; een verouderde versie geeft 409)',
      params: PersonParams, body: UpdatePersonBody, response: { 200: PersonVersion } },
    config: { permission: 'family:update' },
  }, (req) => updatePerson(app.db, req.actor, req.params.personId, req.body));
}
