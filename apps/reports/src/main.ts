import { bootstrapService } from '@haven/platform/nest';
import { AppModule } from './app.module';

void bootstrapService({ name: 'reports', module: AppModule });
