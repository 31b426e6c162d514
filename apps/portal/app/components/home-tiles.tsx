import { Link } from '@remix-run/react'

/**
 * One tile on a home page: where it leads, what it is, and the next thing there in a few words
 * ("2 reacties of voorstellen voor jou", "Volgende: Groep, donderdag 3 december"). Each role's tiles
 * are a plain list, so a new feature adds its tile by appending to that list.
 */
export interface HomeTile {
  to: string
  label: string
  /** The count or the next thing; absent when there is nothing to say. */
  detail?: string | null | undefined
  /** Something waits here: the tile stands out a little. */
  waiting?: boolean | undefined
  testId?: string | undefined
}

export function HomeTiles({ tiles, label }: { tiles: readonly HomeTile[]; label: string }) {
  return (
    <nav aria-label={label}>
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.to}>
            <Link to={tile.to} className={tile.waiting ? 'tile tile--waiting' : 'tile'} data-testid={tile.testId}>
              <span className="tile-label">{tile.label}</span>
              {tile.detail ? <span className="tile-detail">{tile.detail}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
