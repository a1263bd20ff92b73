// Protection's lists page with platform/nest's page info, arguments and cursors.
export {
  decodePositionCursor,
  encodePositionCursor,
  MAX_PAGE_SIZE,
  PageArgs,
  pageAfter,
  PageInfo,
} from '@haven/platform/nest';
