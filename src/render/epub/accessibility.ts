// Accessibility metadata (schema.org, EPUB Accessibility 1.1), stated from what the book holds:
// "visual" only when it has images, "alternativeText" and a text-only sufficient mode only when every
// image has alt text, the WCAG conformance claim only then too.
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { ContentDocument } from './documents.js';

export interface AccessibilityFacts {
  images: number;
  /** Images whose alt is empty or missing. */
  imagesWithoutAlt: number;
  pageList: boolean;
}

export interface AccessibilityMetadata {
  modes: string[];
  sufficient: string[];
  features: string[];
  hazards: string[];
  /** Facts for the summary sentence (templates/epub/content.opf.ejs words it per language). */
  facts: AccessibilityFacts;
  conformsTo?: string;
}

export function accessibilityFacts(documents: ContentDocument[], pageList: boolean): AccessibilityFacts {
  let images = 0;
  let imagesWithoutAlt = 0;
  for (const document of documents) {
    visit(document.tree, 'element', (node: Element) => {
      if (node.tagName !== 'img') return;
      images++;
      if (typeof node.properties.alt !== 'string' || node.properties.alt.trim() === '') imagesWithoutAlt++;
    });
  }
  return { images, imagesWithoutAlt, pageList };
}

export function accessibilityMetadata(facts: AccessibilityFacts): AccessibilityMetadata {
  const visual = facts.images > 0;
  const allDescribed = facts.imagesWithoutAlt === 0;
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'];
  if (visual && allDescribed) features.push('alternativeText');
  if (facts.pageList) features.push('pageNavigation');
  return {
    modes: visual ? ['textual', 'visual'] : ['textual'],
    sufficient: visual ? (allDescribed ? ['textual', 'textual,visual'] : ['textual,visual']) : ['textual'],
    features,
    // Text and still images: nothing flashes, moves or sounds.
    hazards: ['none'],
    facts,
    ...(allDescribed ? { conformsTo: 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA' } : {}),
  };
}
