// Every entity the ORM knows, in one list (discovery is explicit, never by folder scan).
import { AuditEvent } from './AuditEvent.js';
import { Client } from './Client.js';
import { Department } from './Department.js';
import { HubSetting } from './HubSetting.js';
import { Subject } from './Subject.js';

export const ENTITIES = [Department, Client, Subject, HubSetting, AuditEvent];
