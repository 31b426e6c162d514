import { NavLink } from '@remix-run/react'
import { useT } from '../lib/i18n'

/** The inventory's sub-pages, reachable from each of them. */
export function InventoryNav() {
  const t = useT()
  const items = [
    ['/inventaris', t('inventory.title')],
    ['/inventaris/nieuw', t('inventory.addStatement')],
    ['/inventaris/prioriteiten', t('inventory.priorities')],
    ['/inventaris/terugkijken', t('inventory.lookBack')],
    ['/inventaris/kwaliteit', t('inventory.quality')],
    ['/inventaris/afdrukken', t('inventory.print')],
  ] as const
  return (
    <nav className="subnav no-print" aria-label={t('inventory.title')}>
      {items.map(([to, label]) => (
        <NavLink key={to} to={to} end className={({ isActive }) => (isActive ? 'subnav-link is-active' : 'subnav-link')}>
          {label}
        </NavLink>
      ))}
    </nav>
  )
}
