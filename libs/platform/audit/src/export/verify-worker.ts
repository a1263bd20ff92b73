// The script a verification worker runs by default (verifyExportFile's workerScript).
import { serveVerifyWorker } from './verify-file';

serveVerifyWorker();
