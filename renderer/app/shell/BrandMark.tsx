import { Feather } from 'lucide-react';
import { Icon } from '../../ui/Icon';
import './BrandMark.css';

/** The product's mark: decorative, always beside the product's name in text. */
export function BrandMark() {
  return (
    <span className="brand-mark">
      <Icon icon={Feather} size="md" />
    </span>
  );
}
