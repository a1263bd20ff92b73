import { v5 as uuidv5 } from 'uuid';

// Fixed for ever: the case notification a detection becomes is named from the detection's id.
const DETECTION_NOTIFICATION_NAMESPACE = '3f6b1c2e-8d4a-5e9f-a1b7-c0d2e4f60817';

/**
 * The id of the case notification a detection becomes: the same wherever and however often it
 * is computed, which keeps the link between the two and makes networks' submission idempotent.
 */
export function notificationIdForDetection(detectionId: string): string {
  return uuidv5(detectionId.toLowerCase(), DETECTION_NOTIFICATION_NAMESPACE);
}
