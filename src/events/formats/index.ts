import { AnyEventFormat } from '../format';
import { cloudevents } from './cloudevents';
import { distribution } from './distribution';
import { dockerhub } from './dockerhub';
import { ecr } from './ecr';
import { eventgrid } from './eventgrid';
import { gcr } from './gcr';
import { github } from './github';
import { harbor } from './harbor';
import { lines } from './lines';
import { quay } from './quay';

/**
 * The JSON formats, in the order `auto` tries them. Harbor's CloudEvents variant comes before the
 * generic envelopes, which are last: their data is decoded by the others.
 */
export const JSON_FORMATS: readonly AnyEventFormat[] = [distribution, dockerhub, harbor, quay, github, gcr, ecr, eventgrid, cloudevents];

/** The format for payloads that are not JSON. */
export const TEXT_FORMAT: AnyEventFormat = lines;

/** Every format, by name. */
export const EVENT_FORMATS: readonly AnyEventFormat[] = [lines, ...JSON_FORMATS];

/** Every value `--event-format` accepts. */
export const EVENT_FORMAT_NAMES: readonly string[] = ['auto', ...EVENT_FORMATS.map((format) => format.name)];
