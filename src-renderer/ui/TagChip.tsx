export function TagChip({ tag, onRemove }: { tag: { name: string; color: string }; onRemove?: () => void }) {
  return (
    <span className="tag" style={{ borderColor: tag.color, color: tag.color }}>
      {tag.name}
      {onRemove && (
        <button className="tag-x" aria-label={`× ${tag.name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
