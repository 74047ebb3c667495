// Every entity the ORM knows, in one list (discovery is explicit, never by folder scan).
import { AccessRequest } from './AccessRequest.js';
import { AuditArchive, AuditCheckpoint, AuditEvent, AuditOutbox, AuditVerification } from './AuditEvent.js';
import { Certificate, CertificateIssuance, CertificateVersion } from './Certificate.js';
import { CertificateType, CertificateTypeVersion } from './CertificateType.js';
import { Client } from './Client.js';
import { CorrectionReport } from './CorrectionReport.js';
import { Department } from './Department.js';
import { Grant, GrantVersion } from './Grant.js';
import { HubSetting } from './HubSetting.js';
import { LiveSource } from './LiveSource.js';
import { ResourceType, ResourceTypeVersion } from './ResourceType.js';
import { RecordVersion, SharedRecord } from './SharedRecord.js';
import { Application, ServiceItem, ServiceItemVersion } from './ServiceItem.js';
import { SigningKey } from './SigningKey.js';
import { StatusList, StatusListEntry } from './StatusList.js';
import { Subject } from './Subject.js';
import { TrustedDocument } from './TrustedDocument.js';

export const ENTITIES = [
  Department,
  Client,
  TrustedDocument,
  Subject,
  HubSetting,
  AuditEvent,
  AuditCheckpoint,
  AuditArchive,
  AuditVerification,
  AuditOutbox,
  SigningKey,
  ResourceType,
  ResourceTypeVersion,
  SharedRecord,
  RecordVersion,
  Grant,
  GrantVersion,
  AccessRequest,
  CorrectionReport,
  LiveSource,
  ServiceItem,
  ServiceItemVersion,
  Application,
  CertificateType,
  CertificateTypeVersion,
  Certificate,
  CertificateVersion,
  CertificateIssuance,
  StatusList,
  StatusListEntry,
];
