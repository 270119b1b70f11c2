import { Type, type Static } from 'typebox';
import { MAX_UDI_LENGTH } from '@openhtm/domain';

export const UdiParseBody = Type.Object(
  {
    text: Type.String({
      minLength: 1,
      maxLength: MAX_UDI_LENGTH,
      description: 'What the scanner sent or a person typed; the GS separator may be written \\x1d, <GS> or ^',
    }),
  },
  { additionalProperties: false },
);

const OptionalString = (description: string) => Type.Optional(Type.String({ description }));

export const UdiParseOut = Type.Object(
  {
    issuer: Type.Union([Type.Literal('GS1'), Type.Literal('HIBCC'), Type.Literal('ICCBBA'), Type.Literal('unknown')]),
    format: Type.String({ description: 'gs1-bracketed, gs1-element-string, gs1-digital-link, gs1-ean-upc, hibcc, iccbba or unknown' }),
    symbology: OptionalString('AIM symbology identifier without the leading ], e.g. d2'),
    deviceIdentifier: OptionalString('GTIN-14 for GS1, LIC + product + unit of measure for HIBCC'),
    expiryDate: OptionalString('yyyy-mm-dd'),
    manufactureDate: OptionalString('yyyy-mm-dd'),
    lot: OptionalString('Lot or batch'),
    serial: OptionalString('Serial number'),
    elements: Type.Array(Type.Object({ key: Type.String(), value: Type.String(), label: Type.Optional(Type.String()) })),
    problems: Type.Array(
      Type.Object({
        code: Type.String(),
        severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
        message: Type.String(),
        key: Type.Optional(Type.String()),
        position: Type.Optional(Type.Integer()),
      }),
    ),
    valid: Type.Boolean({ description: 'True when no problem is an error' }),
    gs1HumanReadable: Type.Union([Type.String(), Type.Null()], { description: 'The GS1 form (01)…(17)… of a GS1 UDI' }),
    scan: Type.Object(
      {
        kind: Type.Union([Type.Literal('udi'), Type.Literal('asset_tag'), Type.Literal('unknown')]),
        assetTag: OptionalString('When the text reads as an asset tag rather than a UDI'),
        possibleDeviceIdentifier: OptionalString('An asset tag that is also a valid GTIN, padded to 14 digits'),
      },
      { description: 'What a scan of this text looks up: a UDI, or an asset tag' },
    ),
  },
  { $id: 'UdiParse' },
);
export type UdiParseOut = Static<typeof UdiParseOut>;
