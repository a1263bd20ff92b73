import { bootstrapService } from '@haven/platform/nest';
import { AppModule } from './app.module';

void bootstrapService({ name: 'audit', module: AppModule, port: 4006 });
