// The XMP metadata packet: the document information again in the form PDF/UA and archives read,
// with the language (dc:language), which the Info dictionary has no place for.
import type { Metadata } from '../../publication/model.js';

function xml(value: string): string {
  return value.replace(/[<>&"]/g, (character) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot' }[character]!};`);
}

const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt>`;
const list = (kind: 'Seq' | 'Bag', values: string[]) => `<rdf:${kind}>${values.map((value) => `<rdf:li>${xml(value)}</rdf:li>`).join('')}</rdf:${kind}>`;

export interface XmpInfo {
  producer: string;
  creatorTool: string;
  publisher: string;
  /** uuid:... derived from the document, stable across builds of the same inputs. */
  documentId: string;
}

export function xmpPacket(metadata: Metadata, info: XmpInfo): string {
  const date = metadata.modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const properties = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(metadata.title)}</dc:title>`,
    metadata.authors.length > 0
      ? `<dc:creator>${list(
          'Seq',
          metadata.authors.map((author) => author.name),
        )}</dc:creator>`
      : '',
    metadata.description ? `<dc:description>${alt(metadata.description)}</dc:description>` : '',
    metadata.keywords.length > 0 ? `<dc:subject>${list('Bag', metadata.keywords)}</dc:subject>` : '',
    `<dc:language>${list('Bag', [metadata.lang])}</dc:language>`,
    `<dc:identifier>${xml(metadata.identifiers.pdf)}</dc:identifier>`,
    `<dc:publisher>${list('Bag', [info.publisher])}</dc:publisher>`,
    metadata.keywords.length > 0 ? `<pdf:Keywords>${xml(metadata.keywords.join(', '))}</pdf:Keywords>` : '',
    `<pdf:Producer>${xml(info.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xml(info.creatorTool)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmpMM:DocumentID>${info.documentId}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${info.documentId}</xmpMM:InstanceID>`,
  ].filter(Boolean);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    ...properties,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}
