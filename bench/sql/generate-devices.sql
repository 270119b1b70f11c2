-- Generates a benchmark inventory with generate_series: one tenant (slug :'slug'), 10 facilities with buildings,
-- floors, departments and rooms, real manufacturers / device types / models, and :devices devices spread over them
-- with plausible statuses, ownership, ages, costs, network attributes and risk. Runs as the schema owner (row-level
-- security does not apply); the audit trigger records every device as the import would.
--
--   psql "$URL" -v slug=bench -v devices=1000000 -f bench/sql/generate-devices.sql
--   (or: node bench/seed-devices.mjs --url "$URL" --devices 1000000)
--
-- Sign in as admin@<slug>.example or tech@<slug>.example (facility 01 only), password openhtm-demo: the password
-- hash is copied from the demo tenant's admin, so load the demo first (npx htm start does).
\set ON_ERROR_STOP on
\timing on

begin;

insert into tenants (slug, name) values (:'slug', 'Benchmark Health System');
create temporary table bench_tenant on commit drop as select id from tenants where slug = :'slug';

insert into facilities (tenant_id, code, name)
select t.id, format('F%s', lpad(f::text, 2, '0')), format('Benchmark Hospital %s', f)
from bench_tenant t, generate_series(1, 10) f;

insert into users (tenant_id, email, display_name, role, password_hash, all_facilities)
select t.id, u.email || '@' || :'slug' || '.example', u.name, u.role,
       (select password_hash from users where email = 'admin@riverside.example' limit 1), u.role <> 'technician'
from bench_tenant t, (values ('admin', 'Bench Admin', 'admin'), ('engineer', 'Bench Engineer', 'clinical_engineer'),
                             ('tech', 'Bench Technician', 'technician')) u(email, name, role);
insert into user_facilities (tenant_id, user_id, facility_id)
select u.tenant_id, u.id, f.id from users u join facilities f on f.tenant_id = u.tenant_id and f.code = 'F01'
where u.tenant_id = (select id from bench_tenant) and u.role = 'technician';

-- Sites: 2 buildings × 3 floors per facility, 12 departments per facility, 4 rooms per department.
insert into buildings (tenant_id, facility_id, name)
select f.tenant_id, f.id, b from facilities f, unnest(array['Main Tower', 'East Pavilion']) b
where f.tenant_id = (select id from bench_tenant);
insert into floors (tenant_id, building_id, name)
select b.tenant_id, b.id, format('Floor %s', n) from buildings b, generate_series(1, 3) n
where b.tenant_id = (select id from bench_tenant);
insert into departments (tenant_id, facility_id, floor_id, name, cost_center)
select f.tenant_id, f.id,
       (select fl.id from floors fl join buildings b on b.id = fl.building_id and b.tenant_id = fl.tenant_id
        where b.facility_id = f.id and fl.tenant_id = f.tenant_id order by b.name, fl.name offset (d.n % 6) limit 1),
       d.name, format('CC-%s-%s', f.code, d.n)
from facilities f,
     unnest(array['Emergency Department', 'Intensive Care Unit', 'Operating Rooms', 'Medical-Surgical Unit', 'Radiology',
                  'Laboratory', 'Cardiology', 'Labor and Delivery', 'Neonatal ICU', 'Oncology', 'Respiratory Therapy',
                  'Physical Therapy']) with ordinality d(name, n)
where f.tenant_id = (select id from bench_tenant);
insert into rooms (tenant_id, floor_id, department_id, name)
select d.tenant_id, d.floor_id, d.id, format('%s-%s', left(d.cost_center, 12), r)
from departments d, generate_series(1, 4) r
where d.tenant_id = (select id from bench_tenant);

insert into vendors (tenant_id, name, phone)
select t.id, v, '+1 555 0100' from bench_tenant t,
       unnest(array['Medline Industries', 'Henry Schein', 'Cardinal Health', 'Owens & Minor', 'TRIMEDX', 'Agiliti']) v;

insert into manufacturers (tenant_id, name, normalized_name)
select t.id, m, lower(m) from bench_tenant t,
       unnest(array['Philips', 'GE HealthCare', 'Siemens Healthineers', 'Medtronic', 'Baxter', 'BD', 'B. Braun', 'ICU Medical',
                    'Dräger', 'Mindray', 'Nihon Kohden', 'ZOLL', 'Stryker', 'Hill-Rom', 'Masimo', 'Fresenius', 'Olympus',
                    'Karl Storz', 'Getinge', 'Hamilton Medical', 'Abbott', 'Roche', 'Beckman Coulter', 'Welch Allyn',
                    'Smiths Medical', 'Canon Medical', 'Fujifilm', 'Cardinal Health', 'Steris', 'Natus']) m;

insert into device_types (tenant_id, name, nomenclature_system, risk_function, risk_physical, risk_maintenance, life_support, aem_exclusion)
select t.id, d.name, 'local', d.fn, d.phys, d.maint, d.ls, d.aem
from bench_tenant t, (values
  ('Infusion Pump', 'surgical_intensive_care', 'patient_death', 'above_average', false, null),
  ('Syringe Pump', 'surgical_intensive_care', 'patient_death', 'above_average', false, null),
  ('PCA Pump', 'surgical_intensive_care', 'patient_death', 'above_average', false, null),
  ('Enteral Feeding Pump', 'physical_therapy_treatment', 'injury', 'average', false, null),
  ('Patient Monitor', 'surgical_icu_monitoring', 'inappropriate_therapy_misdiagnosis', 'average', false, null),
  ('Central Monitoring Station', 'surgical_icu_monitoring', 'inappropriate_therapy_misdiagnosis', 'below_average', false, null),
  ('Telemetry Transmitter', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'below_average', false, null),
  ('Pulse Oximeter', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'minimal', false, null),
  ('Vital Signs Monitor', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'below_average', false, null),
  ('Capnograph', 'surgical_icu_monitoring', 'inappropriate_therapy_misdiagnosis', 'average', false, null),
  ('Defibrillator', 'life_support', 'patient_death', 'above_average', true, null),
  ('AED', 'life_support', 'patient_death', 'average', true, null),
  ('Ventilator', 'life_support', 'patient_death', 'extensive', true, null),
  ('Transport Ventilator', 'life_support', 'patient_death', 'extensive', true, null),
  ('BiPAP Unit', 'physical_therapy_treatment', 'injury', 'average', false, null),
  ('Anesthesia Machine', 'life_support', 'patient_death', 'extensive', true, null),
  ('Anesthesia Gas Monitor', 'surgical_icu_monitoring', 'inappropriate_therapy_misdiagnosis', 'average', false, null),
  ('Electrosurgical Unit', 'surgical_intensive_care', 'injury', 'above_average', false, null),
  ('Surgical Table', 'patient_related_other', 'injury', 'average', false, null),
  ('Surgical Light', 'patient_related_other', 'equipment_damage', 'below_average', false, null),
  ('Endoscope', 'other_monitoring_diagnostic', 'injury', 'above_average', false, null),
  ('Video Laryngoscope', 'surgical_intensive_care', 'injury', 'below_average', false, null),
  ('Infant Warmer', 'surgical_intensive_care', 'injury', 'average', false, null),
  ('Infant Incubator', 'life_support', 'patient_death', 'above_average', true, null),
  ('Fetal Monitor', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'average', false, null),
  ('ECG Machine', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'below_average', false, null),
  ('Holter Recorder', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'minimal', false, null),
  ('Ultrasound Scanner', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'average', false, 'imaging'),
  ('CT Scanner', 'other_monitoring_diagnostic', 'injury', 'extensive', false, 'imaging'),
  ('MRI Scanner', 'other_monitoring_diagnostic', 'injury', 'extensive', false, 'imaging'),
  ('Radiographic X-ray System', 'other_monitoring_diagnostic', 'injury', 'extensive', false, 'imaging'),
  ('Mobile X-ray Unit', 'other_monitoring_diagnostic', 'injury', 'above_average', false, 'imaging'),
  ('C-arm Fluoroscopy', 'other_monitoring_diagnostic', 'injury', 'extensive', false, 'imaging'),
  ('Mammography System', 'other_monitoring_diagnostic', 'injury', 'extensive', false, 'imaging'),
  ('Surgical Laser', 'surgical_intensive_care', 'injury', 'extensive', false, 'laser'),
  ('Dialysis Machine', 'life_support', 'patient_death', 'extensive', true, null),
  ('Blood Gas Analyzer', 'analytical_laboratory', 'inappropriate_therapy_misdiagnosis', 'above_average', false, null),
  ('Chemistry Analyzer', 'analytical_laboratory', 'inappropriate_therapy_misdiagnosis', 'above_average', false, null),
  ('Hematology Analyzer', 'analytical_laboratory', 'inappropriate_therapy_misdiagnosis', 'above_average', false, null),
  ('Coagulation Analyzer', 'analytical_laboratory', 'inappropriate_therapy_misdiagnosis', 'average', false, null),
  ('Centrifuge', 'laboratory_accessories', 'equipment_damage', 'below_average', false, null),
  ('Laboratory Refrigerator', 'laboratory_accessories', 'equipment_damage', 'below_average', false, null),
  ('Blood Bank Refrigerator', 'laboratory_accessories', 'injury', 'average', false, 'law'),
  ('Sterilizer', 'patient_related_other', 'injury', 'extensive', false, 'law'),
  ('Washer Disinfector', 'patient_related_other', 'equipment_damage', 'average', false, null),
  ('Hospital Bed', 'patient_related_other', 'injury', 'below_average', false, null),
  ('Stretcher', 'patient_related_other', 'injury', 'minimal', false, null),
  ('Patient Lift', 'patient_related_other', 'injury', 'average', false, null),
  ('Hypothermia System', 'surgical_intensive_care', 'injury', 'average', false, null),
  ('Blood Warmer', 'surgical_intensive_care', 'injury', 'average', false, null),
  ('Suction Regulator', 'surgical_intensive_care', 'injury', 'minimal', false, null),
  ('Compression Pump', 'physical_therapy_treatment', 'injury', 'minimal', false, null),
  ('Electrotherapy Unit', 'physical_therapy_treatment', 'injury', 'below_average', false, null),
  ('Bladder Scanner', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'minimal', false, null),
  ('Otoscope Ophthalmoscope Set', 'patient_related_other', 'none', 'minimal', false, null),
  ('Thermometer', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'minimal', false, null),
  ('Scale', 'patient_related_other', 'none', 'minimal', false, null),
  ('Medication Cart', 'computer_related', 'none', 'minimal', false, null),
  ('Workstation on Wheels', 'computer_related', 'none', 'minimal', false, null),
  ('EEG System', 'other_monitoring_diagnostic', 'inappropriate_therapy_misdiagnosis', 'average', false, null),
  ('Phototherapy Unit', 'physical_therapy_treatment', 'injury', 'below_average', false, null),
  ('Heart-Lung Machine', 'life_support', 'patient_death', 'extensive', true, null)
) d(name, fn, phys, maint, ls, aem);

-- Models: real product lines; weight makes common equipment (pumps, monitors) common in the inventory.
create temporary table bench_models (n serial, manufacturer text, model_number text, name text, device_type text, product_code text, weight int) on commit drop;
insert into bench_models (manufacturer, model_number, name, device_type, product_code, weight) values
  ('BD', '8015', 'Alaris PC Unit', 'Infusion Pump', 'FRN', 60), ('BD', '8100', 'Alaris Large Volume Pump Module', 'Infusion Pump', 'FRN', 90),
  ('Baxter', '35700BAX2', 'Sigma Spectrum', 'Infusion Pump', 'FRN', 60), ('ICU Medical', '20679-04-63', 'Plum 360', 'Infusion Pump', 'FRN', 40),
  ('B. Braun', '8713030', 'Space Infusomat', 'Infusion Pump', 'FRN', 30), ('Fresenius', 'Agilia VP', 'Agilia Volumetric Pump', 'Infusion Pump', 'FRN', 20),
  ('BD', '8110', 'Alaris Syringe Module', 'Syringe Pump', 'FRN', 30), ('Smiths Medical', 'Medfusion 4000', 'Medfusion Syringe Pump', 'Syringe Pump', 'FRN', 20),
  ('BD', '8120', 'Alaris PCA Module', 'PCA Pump', 'MEA', 15), ('Smiths Medical', 'CADD-Solis', 'CADD-Solis Ambulatory Pump', 'PCA Pump', 'MEA', 10),
  ('Cardinal Health', 'Kangaroo ePump', 'Kangaroo ePump', 'Enteral Feeding Pump', 'LZH', 10),
  ('Philips', 'MX450', 'IntelliVue MX450', 'Patient Monitor', 'MHX', 40), ('Philips', 'MX800', 'IntelliVue MX800', 'Patient Monitor', 'MHX', 30),
  ('Philips', 'MP70', 'IntelliVue MP70', 'Patient Monitor', 'MHX', 25), ('GE HealthCare', 'CARESCAPE B650', 'CARESCAPE Monitor B650', 'Patient Monitor', 'MHX', 30),
  ('GE HealthCare', 'CARESCAPE B450', 'CARESCAPE Monitor B450', 'Patient Monitor', 'MHX', 20), ('Mindray', 'BeneVision N17', 'BeneVision N17', 'Patient Monitor', 'MHX', 20),
  ('Nihon Kohden', 'BSM-6701', 'Life Scope G7', 'Patient Monitor', 'MHX', 10), ('Dräger', 'Infinity M540', 'Infinity M540', 'Patient Monitor', 'MHX', 15),
  ('Philips', 'PIIC iX', 'IntelliVue Information Center iX', 'Central Monitoring Station', 'MSX', 3),
  ('GE HealthCare', 'CIC Pro', 'CARESCAPE Central Station', 'Central Monitoring Station', 'MSX', 3),
  ('Philips', 'MX40', 'IntelliVue MX40', 'Telemetry Transmitter', 'DRG', 25), ('GE HealthCare', 'ApexPro CH', 'ApexPro Telemetry', 'Telemetry Transmitter', 'DRG', 15),
  ('Masimo', 'Radical-7', 'Radical-7 Pulse CO-Oximeter', 'Pulse Oximeter', 'DQA', 25), ('Medtronic', 'PM100N', 'Nellcor Bedside SpO2', 'Pulse Oximeter', 'DQA', 20),
  ('Welch Allyn', 'CVSM 6000', 'Connex Vital Signs Monitor', 'Vital Signs Monitor', 'MWI', 40), ('Welch Allyn', 'Spot 4400', 'Spot Vital Signs 4400', 'Vital Signs Monitor', 'MWI', 20),
  ('Medtronic', 'Capnostream 35', 'Capnostream 35', 'Capnograph', 'CCK', 8),
  ('ZOLL', 'R Series', 'R Series ALS', 'Defibrillator', 'MKJ', 15), ('ZOLL', 'X Series', 'X Series Monitor/Defibrillator', 'Defibrillator', 'MKJ', 10),
  ('Philips', 'HeartStart MRx', 'HeartStart MRx', 'Defibrillator', 'MKJ', 8), ('Stryker', 'LIFEPAK 15', 'LIFEPAK 15', 'Defibrillator', 'MKJ', 12),
  ('Stryker', 'LIFEPAK CR2', 'LIFEPAK CR2 AED', 'AED', 'MKJ', 10), ('ZOLL', 'AED Plus', 'AED Plus', 'AED', 'MKJ', 10), ('Philips', 'HeartStart FRx', 'HeartStart FRx', 'AED', 'MKJ', 6),
  ('Hamilton Medical', 'HAMILTON-C6', 'HAMILTON-C6', 'Ventilator', 'CBK', 8), ('Dräger', 'Evita V800', 'Evita V800', 'Ventilator', 'CBK', 6),
  ('Medtronic', 'PB980', 'Puritan Bennett 980', 'Ventilator', 'CBK', 8), ('GE HealthCare', 'CARESCAPE R860', 'CARESCAPE R860', 'Ventilator', 'CBK', 5),
  ('Hamilton Medical', 'HAMILTON-T1', 'HAMILTON-T1', 'Transport Ventilator', 'CBK', 4), ('ZOLL', 'Z Vent', 'Z Vent', 'Transport Ventilator', 'CBK', 2),
  ('Philips', 'V60 Plus', 'Respironics V60 Plus', 'BiPAP Unit', 'MNT', 6),
  ('GE HealthCare', 'Aisys CS2', 'Aisys CS2', 'Anesthesia Machine', 'BSZ', 5), ('Dräger', 'Perseus A500', 'Perseus A500', 'Anesthesia Machine', 'BSZ', 4),
  ('Dräger', 'Fabius GS premium', 'Fabius GS premium', 'Anesthesia Machine', 'BSZ', 3), ('Dräger', 'Vamos plus', 'Vamos plus', 'Anesthesia Gas Monitor', 'CBQ', 2),
  ('Medtronic', 'Valleylab FT10', 'Valleylab FT10 Energy Platform', 'Electrosurgical Unit', 'GEI', 8), ('Olympus', 'ESG-300', 'ESG-300 Electrosurgical Generator', 'Electrosurgical Unit', 'GEI', 3),
  ('Steris', 'Cmax', 'Cmax Surgical Table', 'Surgical Table', 'FQO', 4), ('Stryker', 'Visum LED II', 'Visum LED II Surgical Light', 'Surgical Light', 'FSY', 4),
  ('Olympus', 'GIF-HQ190', 'EVIS EXERA III Gastroscope', 'Endoscope', 'FDS', 8), ('Olympus', 'CF-HQ190L', 'EVIS EXERA III Colonoscope', 'Endoscope', 'FDF', 8),
  ('Karl Storz', 'C-MAC', 'C-MAC Video Laryngoscope', 'Video Laryngoscope', 'CCW', 4),
  ('GE HealthCare', 'Panda iRes', 'Panda iRes Warmer', 'Infant Warmer', 'FMT', 4), ('GE HealthCare', 'Giraffe OmniBed Carestation', 'Giraffe OmniBed Carestation', 'Infant Incubator', 'FMZ', 4),
  ('Philips', 'Avalon FM30', 'Avalon FM30', 'Fetal Monitor', 'HGM', 5), ('GE HealthCare', 'Corometrics 259cx', 'Corometrics 259cx', 'Fetal Monitor', 'HGM', 3),
  ('GE HealthCare', 'MAC 5500 HD', 'MAC 5500 HD Resting ECG', 'ECG Machine', 'DPS', 6), ('Philips', 'PageWriter TC70', 'PageWriter TC70', 'ECG Machine', 'DPS', 5),
  ('Philips', 'DigiTrak XT', 'DigiTrak XT Holter', 'Holter Recorder', 'DSH', 3),
  ('GE HealthCare', 'LOGIQ E10', 'LOGIQ E10', 'Ultrasound Scanner', 'IYN', 4), ('Philips', 'EPIQ Elite', 'EPIQ Elite', 'Ultrasound Scanner', 'IYN', 4),
  ('Fujifilm', 'Sonosite PX', 'Sonosite PX', 'Ultrasound Scanner', 'IYN', 4),
  ('Siemens Healthineers', 'SOMATOM go.Top', 'SOMATOM go.Top', 'CT Scanner', 'JAK', 1), ('GE HealthCare', 'Revolution CT', 'Revolution CT', 'CT Scanner', 'JAK', 1),
  ('Canon Medical', 'Aquilion ONE', 'Aquilion ONE PRISM', 'CT Scanner', 'JAK', 1),
  ('Siemens Healthineers', 'MAGNETOM Vida', 'MAGNETOM Vida 3T', 'MRI Scanner', 'LNH', 1), ('GE HealthCare', 'SIGNA Premier', 'SIGNA Premier', 'MRI Scanner', 'LNH', 1),
  ('Philips', 'DigitalDiagnost C90', 'DigitalDiagnost C90', 'Radiographic X-ray System', 'KPR', 1),
  ('GE HealthCare', 'AMX Navigate', 'AMX Navigate', 'Mobile X-ray Unit', 'IZL', 2), ('Siemens Healthineers', 'Cios Spin', 'Cios Spin', 'C-arm Fluoroscopy', 'OWB', 1),
  ('Siemens Healthineers', 'MAMMOMAT Revelation', 'MAMMOMAT Revelation', 'Mammography System', 'MUE', 1),
  ('Karl Storz', 'CALCULASE III', 'CALCULASE III Holmium Laser', 'Surgical Laser', 'GEX', 1),
  ('Fresenius', '2008T', '2008T BlueStar Hemodialysis', 'Dialysis Machine', 'FKP', 4), ('Baxter', 'PrisMax', 'PrisMax CRRT', 'Dialysis Machine', 'KDI', 2),
  ('Abbott', 'i-STAT 1', 'i-STAT 1 Handheld', 'Blood Gas Analyzer', 'CHL', 6), ('Siemens Healthineers', 'RAPIDPoint 500e', 'RAPIDPoint 500e', 'Blood Gas Analyzer', 'CHL', 2),
  ('Roche', 'cobas pro', 'cobas pro integrated solutions', 'Chemistry Analyzer', 'JJE', 1), ('Beckman Coulter', 'AU5800', 'AU5800 Chemistry', 'Chemistry Analyzer', 'JJE', 1),
  ('Beckman Coulter', 'DxH 900', 'UniCel DxH 900', 'Hematology Analyzer', 'GKZ', 1), ('Siemens Healthineers', 'CS-2500', 'Sysmex CS-2500', 'Coagulation Analyzer', 'JPA', 1),
  ('Beckman Coulter', 'Allegra X-30', 'Allegra X-30 Centrifuge', 'Centrifuge', 'JQC', 3), ('Fujifilm', 'LR-200', 'Laboratory Refrigerator', 'Laboratory Refrigerator', 'LDT', 3),
  ('Fujifilm', 'BBR-300', 'Blood Bank Refrigerator', 'Blood Bank Refrigerator', 'KSE', 2),
  ('Steris', 'AMSCO 600', 'AMSCO 600 Steam Sterilizer', 'Sterilizer', 'FLE', 2), ('Getinge', '86-series', 'Getinge 86 Washer-Disinfector', 'Washer Disinfector', 'MEC', 2),
  ('Stryker', 'ProCuity', 'ProCuity Bed', 'Hospital Bed', 'FNL', 30), ('Hill-Rom', 'Centrella', 'Centrella Smart+ Bed', 'Hospital Bed', 'FNL', 30),
  ('Hill-Rom', 'Progressa', 'Progressa ICU Bed', 'Hospital Bed', 'FNL', 15), ('Stryker', 'Prime Series', 'Prime Series Stretcher', 'Stretcher', 'FPO', 15),
  ('Hill-Rom', 'Likorall 243', 'Likorall Ceiling Lift', 'Patient Lift', 'FNG', 5),
  ('Stryker', 'Medi-Therm III', 'Medi-Therm III', 'Hypothermia System', 'DWJ', 2), ('Smiths Medical', 'Level 1 H-1200', 'Level 1 Fast Flow Fluid Warmer', 'Blood Warmer', 'BSB', 3),
  ('Cardinal Health', 'Kendall SCD 700', 'Kendall SCD 700', 'Compression Pump', 'JOW', 15),
  ('Natus', 'XLTEK EEG32U', 'XLTEK EEG32U', 'EEG System', 'GWQ', 1), ('Natus', 'neoBLUE', 'neoBLUE LED Phototherapy', 'Phototherapy Unit', 'LBI', 2),
  ('Getinge', 'HL 40', 'HL 40 Heart-Lung Machine', 'Heart-Lung Machine', 'DTQ', 1),
  ('Welch Allyn', 'RETeval', 'Otoscope Ophthalmoscope Set', 'Otoscope Ophthalmoscope Set', 'ERA', 10),
  ('Welch Allyn', 'SureTemp Plus 692', 'SureTemp Plus', 'Thermometer', 'FLL', 15), ('Hill-Rom', 'Scale-Tronix 5002', 'Scale-Tronix Stand-On Scale', 'Scale', 'FRW', 8),
  ('Baxter', 'BladderScan Prime', 'BladderScan Prime', 'Bladder Scanner', 'IYO', 4), ('Stryker', 'Neptune 3', 'Neptune 3 Waste Management', 'Suction Regulator', 'JCX', 5),
  ('Cardinal Health', 'Pyxis MedStation', 'Pyxis MedStation ES', 'Medication Cart', 'NZH', 5), ('Fujifilm', 'WOW-100', 'Workstation on Wheels', 'Workstation on Wheels', 'LLZ', 10),
  ('Natus', 'Neurotrac', 'Electrotherapy Stimulator', 'Electrotherapy Unit', 'IPF', 2);

insert into models (tenant_id, manufacturer_id, device_type_id, model_number, name, fda_product_code, expected_life_years, source)
select t.id, m.id, dt.id, b.model_number, b.name, b.product_code, 7 + (b.n % 8), 'demo'
from bench_tenant t join bench_models b on true
join manufacturers m on m.tenant_id = t.id and m.name = b.manufacturer
join device_types dt on dt.tenant_id = t.id and dt.name = b.device_type;

-- Cumulative weights of the models.
create temporary table bench_model_bands on commit drop as
select mo.id as model_id, mo.manufacturer_id, mo.device_type_id, mo.model_number, mo.name as model_name, mf.name as manufacturer,
       dt.name as device_type, dt.risk_function, dt.risk_physical, dt.risk_maintenance, dt.life_support,
       -- EM number under the default Fennigkoh–Smith policy, incident history average.
       (case dt.risk_function when 'life_support' then 10 when 'surgical_intensive_care' then 9 when 'physical_therapy_treatment' then 8
          when 'surgical_icu_monitoring' then 7 when 'other_monitoring_diagnostic' then 6 when 'analytical_laboratory' then 5
          when 'laboratory_accessories' then 4 when 'computer_related' then 3 else 2 end)
       + (case dt.risk_physical when 'patient_death' then 5 when 'injury' then 4 when 'inappropriate_therapy_misdiagnosis' then 3
          when 'equipment_damage' then 2 else 1 end)
       + (case dt.risk_maintenance when 'extensive' then 5 when 'above_average' then 4 when 'average' then 3
          when 'below_average' then 2 else 1 end) as score,
       sum(b.weight) over (order by b.n) - b.weight as lo, sum(b.weight) over (order by b.n) as hi,
       sum(b.weight) over () as total
from bench_models b
join models mo on mo.tenant_id = (select id from bench_tenant) and mo.model_number = b.model_number
join manufacturers mf on mf.id = mo.manufacturer_id and mf.tenant_id = mo.tenant_id
join device_types dt on dt.id = mo.device_type_id and dt.tenant_id = mo.tenant_id;

-- 1,000 slots, each naming the model whose weight band holds it: a device draws a slot.
create temporary table bench_model_slots on commit drop as
select slot, mb.* from generate_series(0, 999) slot
join bench_model_bands mb on (slot + 0.5) * mb.total / 1000.0 >= mb.lo and (slot + 0.5) * mb.total / 1000.0 < mb.hi;

create temporary table bench_rooms on commit drop as
select row_number() over (order by f.code, d.name, r.name) - 1 as k, f.id as facility_id, b.id as building_id, d.id as department_id, r.id as room_id,
       count(*) over () as total, f.code
from rooms r join departments d on d.id = r.department_id and d.tenant_id = r.tenant_id
join facilities f on f.id = d.facility_id and f.tenant_id = d.tenant_id
join floors fl on fl.id = r.floor_id and fl.tenant_id = r.tenant_id
join buildings b on b.id = fl.building_id and b.tenant_id = fl.tenant_id
where r.tenant_id = (select id from bench_tenant);
create index on bench_rooms (k);
create temporary table bench_vendors on commit drop as
select row_number() over (order by name) - 1 as k, id from vendors where tenant_id = (select id from bench_tenant);

insert into devices (tenant_id, asset_tag, serial_number, model_id, manufacturer_id, device_type_id, facility_id, building_id,
                     department_id, room_id, ownership, acquisition_date, acquisition_cost, purchase_order, vendor_id, warranty_end,
                     status, out_of_service_reason, has_been_in_service, incoming_inspection_passed_at, stores_patient_data,
                     hostname, ip_address, mac_address, operating_system, software_version, risk_inputs, risk_score, high_risk,
                     search_text, created_at, updated_at)
select t.id, s.asset_tag, s.serial, mb.model_id, mb.manufacturer_id, mb.device_type_id, r.facility_id, r.building_id, r.department_id,
       r.room_id, s.ownership, s.acquired, round((500 + s.u3 * 60000)::numeric, 2), format('PO-%s', 100000 + s.i / 40),
       (select v.id from bench_vendors v where v.k = s.i % 6),
       s.acquired + 730, s.status, case when s.status = 'out_of_service' then (array['repair', 'awaiting_parts', 'recalled', 'quarantined'])[1 + s.i % 4] end,
       s.status in ('in_service', 'out_of_service', 'retired', 'disposed'),
       case when s.status in ('in_service', 'out_of_service', 'retired', 'disposed') then s.acquired + 3 end,
       s.connected and s.u2 < 0.5,
       case when s.connected then lower(format('%s-%s', r.code, to_hex(s.i))) end,
       case when s.connected then format('10.%s.%s.%s', (s.i >> 16) & 255, (s.i >> 8) & 255, s.i & 255)::inet end,
       case when s.connected then overlay(overlay(overlay(overlay(overlay(substr(md5(s.i::text), 1, 12) placing ':' from 11 for 0) placing ':' from 9 for 0)
            placing ':' from 7 for 0) placing ':' from 5 for 0) placing ':' from 3 for 0)::macaddr end,
       case when s.connected then (array['Windows 10 IoT', 'Linux 4.19', 'VxWorks 6.9', 'QNX 7.0', 'Windows 7 Embedded'])[1 + s.i % 5] end,
       case when s.connected then format('%s.%s.%s', 1 + s.i % 5, s.i % 10, s.i % 7) end,
       jsonb_build_object('function', mb.risk_function, 'physicalRisk', mb.risk_physical, 'maintenanceRequirement', mb.risk_maintenance,
                          'incidentHistory', 'average', 'lifeSupport', mb.life_support),
       mb.score, mb.score >= 12 or mb.life_support,
       device_search_text(s.asset_tag, s.serial, mb.model_number, mb.model_name, mb.manufacturer, mb.device_type),
       now() - (s.i % 1000) * interval '1 minute', now() - (s.i % 100000) * interval '1 second'
from bench_tenant t
cross join (
  select g.i, format('%s-%s', 'A', lpad(g.i::text, 7, '0')) as asset_tag, upper(substr(md5('sn' || g.i), 1, 10)) as serial,
         floor(random() * 1000)::int as slot, g.i % (select count(*) from bench_rooms) as room_k,
         random() as u2, random() as u3, random() < 0.3 as connected,
         current_date - (random() * 4000)::int as acquired,
         -- Independent draws: ownership and status are not correlated with each other or with the tag.
         (array['owned', 'leased', 'rented', 'vendor_maintained', 'physician_owned', 'loaner'])[
           case when o.u < 0.85 then 1 when o.u < 0.91 then 2 when o.u < 0.94 then 3 when o.u < 0.97 then 4 when o.u < 0.99 then 5 else 6 end] as ownership,
         (array['in_service', 'out_of_service', 'retired', 'disposed', 'received', 'requested'])[
           case when o.v < 0.84 then 1 when o.v < 0.90 then 2 when o.v < 0.94 then 3 when o.v < 0.96 then 4 when o.v < 0.98 then 5 else 6 end] as status
  from generate_series(1, :devices) g(i), lateral (select random() + g.i * 0 as u, random() + g.i * 0 as v) o
) s
join bench_model_slots mb on mb.slot = s.slot
join bench_rooms r on r.k = s.room_k;

commit;

analyze;
select count(*) as devices, count(distinct facility_id) as facilities from devices where tenant_id = (select id from tenants where slug = :'slug');
